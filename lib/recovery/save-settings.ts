import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/drivers";
import { messageTemplates, recoveryPrograms } from "@/db/schema";
import { loadRecoveryProgram } from "./program";
import type { RecoverySettings } from "./settings";
import { type RecoveryFormInput, stepField, templateChoice } from "./settings-form";
import { templateApproved } from "./step-facts";

export type TemplateProblem =
  | { field: string; error: "unknownTemplate" }
  | { field: string; error: "notEnoughVariables"; count: number };

export type SaveRecoveryResult = { ok: true } | { ok: false; problems: TemplateProblem[] };

/**
 * Stores the store's recovery sequence and switches it on or off. A step's template must be
 * one of the store's approved templates with each of its variables mapped; one the sequence
 * already had is kept even if it has since gone (the page warns about it and the engine
 * skips that step), so an unrelated change can still be saved. Nothing is saved on a problem.
 * Settings are read at each step, so a change applies to steps not yet decided.
 */
export async function saveRecoverySettings(
  db: Database,
  storeId: string,
  input: RecoveryFormInput,
  memberId: string,
  now = new Date(),
): Promise<SaveRecoveryResult> {
  const approved = await db
    .select({
      name: messageTemplates.name,
      language: messageTemplates.language,
      variableCount: messageTemplates.variableCount,
    })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.storeId, storeId), eq(messageTemplates.status, "approved")));
  const current = await loadRecoveryProgram(db, storeId);
  const kept = new Set(
    (current?.saved ? current.settings.steps : []).flatMap((step) =>
      step.template ? [templateChoice(step.template)] : [],
    ),
  );
  const problems: TemplateProblem[] = [];
  input.settings.steps.forEach((step, index) => {
    if (!step.template) return;
    const field = stepField(index, "Template");
    const choice = templateChoice(step.template);
    const template = approved.find((candidate) => templateChoice(candidate) === choice);
    if (!template) {
      if (!kept.has(choice)) problems.push({ field, error: "unknownTemplate" });
    } else if (template.variableCount > step.template.variables.length) {
      problems.push({ field, error: "notEnoughVariables", count: template.variableCount });
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const values = {
    enabled: input.enabled,
    settings: input.settings as unknown as Record<string, unknown>,
    updatedBy: memberId,
    updatedAt: now,
  };
  await db
    .insert(recoveryPrograms)
    .values({ storeId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: recoveryPrograms.storeId, set: values });
  return { ok: true };
}

/**
 * The steps (numbered from 1) whose template the engine could not use now — deleted, no
 * longer approved, or with more variables than are mapped — so they would be skipped
 * outside the 24-hour window.
 */
export async function unavailableTemplateSteps(
  db: Database,
  storeId: string,
  settings: RecoverySettings,
): Promise<number[]> {
  const unavailable: number[] = [];
  for (const [index, step] of settings.steps.entries()) {
    if (step.template && !(await templateApproved(db, storeId, step.template))) {
      unavailable.push(index + 1);
    }
  }
  return unavailable;
}
