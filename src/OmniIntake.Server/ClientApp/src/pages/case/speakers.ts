import type { Message } from "@/api/types";

export type Speaker = "customer" | "agent" | "note" | "ownerHelp" | "ownerAnswer";

/** Who said it, from the message's direction and sender (Data/Cases/CaseCommands: 'note' by an agent or an owner, 'internal' is the owner's answer). */
export function speakerOf(m: Pick<Message, "direction" | "sender">): Speaker {
  if (m.direction === "inbound") return "customer";
  if (m.direction === "outbound") return "agent";
  if (m.direction === "internal") return "ownerAnswer";
  return m.sender === "owner" ? "ownerHelp" : "note";
}
