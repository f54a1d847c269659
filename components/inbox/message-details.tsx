import { catalogCartLines } from "@/lib/inbox/message-details";
import type { ThreadMessage } from "@/lib/inbox/thread";
import { WhatsappText } from "./whatsapp-text";

/** The bubble's text: what the customer deleted says so instead of what it said. */
export function MessageBody({ message }: { message: ThreadMessage }) {
  if (message.deletedAt) {
    return <span className="italic text-muted-foreground">Deleted by the customer</span>;
  }
  const cart = catalogCartLines(message.content);
  if (cart.length > 0) {
    return (
      <div className="grid gap-1">
        <span className="font-medium">Cart from the WhatsApp catalog</span>
        <ul className="grid gap-0.5" aria-label="Cart items">
          {cart.map((line, index) => (
            <li key={index}>
              {line.label}
              {line.matched ? null : (
                <span className="text-muted-foreground"> (not in your products)</span>
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return message.body ? <WhatsappText text={message.body} /> : <>{`[${message.type}]`}</>;
}

/** Under the bubble: "Edited (was: …)" and the customer's reaction. */
export function MessageNotes({ message }: { message: ThreadMessage }) {
  if (!message.editedAt && !message.reaction) return null;
  return (
    <span className="flex flex-wrap gap-2 text-xs text-muted-foreground">
      {message.editedAt && !message.deletedAt ? (
        <span data-testid="message-edited">
          Edited{message.originalBody ? ` (was: ${message.originalBody})` : ""}
        </span>
      ) : null}
      {message.reaction ? (
        <span aria-label={`Reaction ${message.reaction}`} data-testid="message-reaction">
          {message.reaction}
        </span>
      ) : null}
    </span>
  );
}
