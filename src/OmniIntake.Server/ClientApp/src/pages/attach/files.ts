// Attachments as the hub records them on a message (a JSON array in Message.attachments) and the formats it accepts.
export interface RecordedAttachment {
  fileName: string;
  contentType: string;
  size: number;
  storageKey: string | null;
  refusedReason: string | null;
}

export const acceptedFormats = "JPG、PNG、WebP、GIF、PDF";
export const acceptAttribute = "image/jpeg,image/png,image/webp,image/gif,application/pdf";
const imageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"];

export function parseAttachments(json: string | undefined | null): RecordedAttachment[] {
  if (!json) return [];
  try {
    const list = JSON.parse(json) as RecordedAttachment[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export const isImage = (a: RecordedAttachment): boolean => imageTypes.includes(a.contentType);

/** Where staff open it: a download, or (inline) the image itself for a thumbnail. */
export const attachmentUrl = (messageId: number, key: string, inline = false): string =>
  `/api/messages/${messageId}/attachments/${encodeURIComponent(key)}${inline ? "?inline=true" : ""}`;

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 104857.6) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
