"use server";

import { storeAction } from "@/lib/auth/store-action";
import { simulatorTapSchema } from "@/lib/simulator/schemas";
import { sendFromSimulator } from "./simulator-send";

export const tapSimulatorReplyAction = storeAction(simulatorTapSchema, (input, member) =>
  sendFromSimulator(member, input),
);
