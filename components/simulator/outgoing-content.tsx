import { ExternalLink } from "lucide-react";
import { safeLinkUrl } from "@/lib/simulator/content";
import type { OutgoingContent } from "@/lib/whatsapp/content";
import { WhatsappText } from "@/components/inbox/whatsapp-text";
import { ListMenu } from "./list-menu";
import { TapReplyButton } from "./tap-reply-button";

function Text({ children, className }: { children: string; className?: string }) {
  return (
    <p className={`text-sm break-words whitespace-pre-line ${className ?? ""}`}>
      <WhatsappText text={children} />
    </p>
  );
}

function Framed({ header, body, footer }: { header?: string; body: string; footer?: string }) {
  return (
    <div className="grid gap-1 px-3 py-2">
      {header ? <p className="text-sm font-semibold">{header}</p> : null}
      <Text>{body}</Text>
      {footer ? <p className="text-xs text-muted-foreground">{footer}</p> : null}
    </div>
  );
}

/** A store's message as WhatsApp shows it, with its buttons and menu working. */
export function OutgoingContentView({
  content,
  profileName,
}: {
  content: OutgoingContent;
  profileName: string;
}) {
  switch (content.type) {
    case "text":
      return <Text className="px-3 py-2">{content.text}</Text>;
    case "buttons":
      return (
        <>
          <Framed {...content} />
          <div className="grid divide-y divide-black/5 border-t border-black/5 dark:divide-white/10 dark:border-white/10">
            {content.buttons.map((button) => (
              <TapReplyButton
                key={button.id}
                profileName={profileName}
                reply={{ kind: "button_reply", ...button }}
              >
                {button.title}
              </TapReplyButton>
            ))}
          </div>
        </>
      );
    case "list":
      return (
        <>
          <Framed {...content} />
          <ListMenu button={content.button} sections={content.sections} profileName={profileName} />
        </>
      );
    case "cta_url": {
      const href = safeLinkUrl(content.url);
      return (
        <>
          <Framed {...content} />
          <div className="border-t border-black/5 dark:border-white/10">
            {href ? (
              <a
                href={href}
                target="_blank"
                rel="noopener noreferrer"
                className="flex items-center justify-center gap-2 px-3 py-2 text-sm font-medium text-sky-700 hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-sky-950"
              >
                <ExternalLink className="size-4" aria-hidden />
                {content.displayText}
              </a>
            ) : (
              <p className="px-3 py-2 text-xs text-destructive">
                {content.displayText}: not a web link ({content.url})
              </p>
            )}
          </div>
        </>
      );
    }
    case "template":
      return (
        <div className="grid gap-1 px-3 py-2">
          <p className="font-mono text-xs text-muted-foreground">
            Template {content.name} ({content.language})
          </p>
          {content.bodyParameters.length > 0 ? (
            <Text>
              {content.bodyParameters.map((value, n) => `{{${n + 1}}} ${value}`).join("\n")}
            </Text>
          ) : null}
        </div>
      );
  }
}
