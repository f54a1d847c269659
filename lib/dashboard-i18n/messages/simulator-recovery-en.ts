/** The Simulator's sandbox card that runs a store's cart recovery ahead of time (en defines the shape). */
const simulatorRecoveryEn = {
  title: "Recovery: run due work now",
  sandbox: "Sandbox",
  description:
    "Cart reminders go out on a schedule: a cart is abandoned after the delay, each step follows hours or days later, never in quiet hours. Choose a time and this store's recovery runs as the scheduled work would have by then; the reminders arrive in this chat. Messages and decisions carry the chosen time. Nothing reaches WhatsApp.",
  asOf: "Run as of",
  asOfHelp: "In your browser's time zone. Quick choices count from now:",
  ahead: "+{hours} h",
  run: "Run due work",
  running: "Running…",
  off: "Recovery is off for this store, so no cart is reminded.",
  switchOn: "Switch recovery on",
  switchOnHelp:
    "With the sequence saved in the recovery settings, or the default one (reminders 1 h, 24 h and 72 h after a cart is left). Switch it off again in the recovery settings.",
  switchedOn: "Recovery is on.",
  result:
    "Ran up to {time}: {abandoned} abandoned, {sent} reminders sent, {waiting} waiting, {skipped} skipped, {stopped} stopped.",
  nextStep: "Next step due {time}.",
  noNextStep: "No step is scheduled.",
  errors: {
    chooseTime: "Choose a date and time.",
    not_sandbox:
      "Only in the sandbox: this store is connected to WhatsApp, or the sandbox is off in production.",
    recovery_off: "Recovery is off for this store: switch it on first.",
    out_of_range: "Choose a time from now up to 31 days ahead.",
  },
};

export default simulatorRecoveryEn;
