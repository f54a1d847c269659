import type simulatorRecoveryEn from "./simulator-recovery-en";

const simulatorRecoveryJa: typeof simulatorRecoveryEn = {
  title: "カゴ落ち回収：予定の処理を今すぐ実行",
  sandbox: "サンドボックス",
  description:
    "カゴ落ちのリマインダーは予定に沿って送られます。カートは設定した時間が過ぎると放棄とみなされ、各ステップは数時間から数日後に、配信停止時間帯を避けて送られます。時刻を選ぶと、その時刻までに予定の処理が行ったはずのことをこのストアについて実行し、リマインダーがこのチャットに届きます。メッセージと判断には選んだ時刻が記録されます。WhatsAppには何も送られません。",
  asOf: "実行する時点",
  asOfHelp: "ブラウザのタイムゾーンの時刻です。クイック選択は現在からの時間です：",
  ahead: "+{hours}時間",
  run: "予定の処理を実行",
  running: "実行中…",
  off: "このストアのカゴ落ち回収はオフのため、リマインダーは送られません。",
  switchOn: "カゴ落ち回収をオンにする",
  switchOnHelp:
    "回収設定に保存した手順、またはデフォルトの手順（カートを離れてから1時間後・24時間後・72時間後にリマインダー）で動きます。オフにするには回収設定から。",
  switchedOn: "カゴ落ち回収をオンにしました。",
  result:
    "{time}まで実行しました：放棄 {abandoned}件、リマインダー送信 {sent}件、待機 {waiting}件、スキップ {skipped}件、停止 {stopped}件。",
  nextStep: "次のステップの予定：{time}。",
  noNextStep: "予定されているステップはありません。",
  errors: {
    chooseTime: "日時を選んでください。",
    not_sandbox:
      "サンドボックスでのみ使えます。このストアはWhatsAppに接続済みか、本番環境でサンドボックスがオフです。",
    recovery_off: "このストアのカゴ落ち回収はオフです。先にオンにしてください。",
    out_of_range: "現在から31日後までの時刻を選んでください。",
  },
};

export default simulatorRecoveryJa;
