import type { Choice } from "@/lib/stores/choices";

/** `<option>`s for a NativeSelect from a list of choices. */
export function ChoiceOptions({ choices }: { choices: Choice[] }) {
  return choices.map((choice) => (
    <option key={choice.value} value={choice.value}>
      {choice.label}
    </option>
  ));
}
