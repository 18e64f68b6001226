// No imports: the customer's widget (widget/widget.ts, one dependency-free script) reads these types too.

/** A message of a web chat conversation as the chat hub pushes it (Channels.WebChat/Hub/ChatMessage). */
export interface ChatMessage {
  id: number;
  direction: string;
  text: string;
  at: string;
}

/**
 * What the chat hub (/hubs/chat) pushes to the customer's widget (Channels.WebChat/Hub/IChatClient, issue 13 item 7).
 * Checked against hub-contract.json by src/live/__tests__/hubContract.spec.ts.
 */
export interface ChatClient {
  /** New messages of the conversation: an agent's reply, another tab's exchange, a file sent. */
  messages: (messages: ChatMessage[]) => void;
  /** The other side is typing. */
  typing: (who: "agent" | "customer") => void;
}
