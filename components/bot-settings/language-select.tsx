import { NativeSelect } from "@/components/ui/native-select";
import { LANGUAGE_NAMES, SHOPPER_LANGUAGES } from "@/lib/i18n/languages";

/** A `language` select over the shopper languages; FormField passes id and aria props. */
export function LanguageSelect(props: React.ComponentProps<typeof NativeSelect>) {
  return (
    <NativeSelect name="language" {...props}>
      {SHOPPER_LANGUAGES.map((language) => (
        <option key={language} value={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </NativeSelect>
  );
}
