import { z } from "zod";

/** The Recovery page's Stop button: which recovery (the store comes from the session). */
export const stopRecoveryFormSchema = z.object({ recoveryId: z.uuid("invalid") });
