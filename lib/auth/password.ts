import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string, cost = COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

// A real hash of a random string, so that a sign-in for an unknown email spends
// the same time as one for a known email (no account enumeration by timing).
const DUMMY_HASH = "$2b$12$S1pQm12eNX92ctSFCVMp8eU8EkLFYUAAPjSsK5wKBZdTuwkolUoQ.";

export async function verifyPassword(password: string, hash: string | null | undefined) {
  if (!hash) {
    await bcrypt.compare(password, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(password, hash);
}
