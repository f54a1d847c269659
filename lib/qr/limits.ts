/** Form limits shared by the schema and the browser form (no zod in the client bundle). */
export const QR_NAME_MAX = 80;
/** Longest owner-written opening line: the ref tag and a space follow it, and the whole text stays under 140 characters. */
export const QR_MESSAGE_MAX = 100;
