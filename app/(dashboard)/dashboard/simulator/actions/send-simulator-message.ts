"use server";

import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { simulatorTextSchema } from "@/lib/simulator/schemas";
import { sendFromSimulator } from "./simulator-send";

/** Any member may play a shopper: the simulator only ever talks to the sandbox. */
export const sendSimulatorMessageAction = inMemberLanguage(
  "simulator",
  storeAction(simulatorTextSchema, (input, member) => sendFromSimulator(member, input)),
);
