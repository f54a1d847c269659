"use server";

import { storeAction } from "@/lib/auth/store-action";
import { inMemberLanguage } from "@/lib/dashboard-i18n/actions";
import { simulatorTapSchema } from "@/lib/simulator/schemas";
import { sendFromSimulator } from "./simulator-send";

export const tapSimulatorReplyAction = inMemberLanguage(
  "simulator",
  storeAction(simulatorTapSchema, (input, member) => sendFromSimulator(member, input)),
);
