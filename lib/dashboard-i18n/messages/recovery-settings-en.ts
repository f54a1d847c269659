/** The Recovery settings page: strings in English (the shape recovery-settings-ja.ts follows). */
const recoverySettingsEn = {
  title: "Recovery settings",
};

export default recoverySettingsEn;
