import type recoverySettingsEn from "./recovery-settings-en";

const recoverySettingsJa: typeof recoverySettingsEn = {
  title: "回収設定",
};

export default recoverySettingsJa;
