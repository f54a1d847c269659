"use server";

import { storeAction } from "@/lib/auth/store-action";
import { simulatorTextSchema } from "@/lib/simulator/schemas";
import { sendFromSimulator } from "./simulator-send";

/** Any member may play a shopper: the simulator only ever talks to the sandbox. */
export const sendSimulatorMessageAction = storeAction(simulatorTextSchema, (input, member) =>
  sendFromSimulator(member, input),
);
