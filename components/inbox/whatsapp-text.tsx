import { formatRuns } from "@/lib/whatsapp/text-format";

/** A message's text with WhatsApp's *bold*, _italic_ and ~strikethrough~ applied. */
export function WhatsappText({ text }: { text: string }) {
  return formatRuns(text).map((run, index) => {
    switch (run.style) {
      case "bold":
        return <strong key={index}>{run.text}</strong>;
      case "italic":
        return <em key={index}>{run.text}</em>;
      case "strike":
        return <s key={index}>{run.text}</s>;
      default:
        return run.text;
    }
  });
}
