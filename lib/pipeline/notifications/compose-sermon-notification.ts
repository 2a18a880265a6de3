import { STAGES, type PipelineStage } from "@/lib/pipeline/stages";

export type SermonNotification =
  | { kind: "ready"; sermonTitle: string; churchName: string; link: string }
  | {
      kind: "failed";
      sermonTitle: string;
      churchName: string;
      link: string;
      stage: PipelineStage;
      reason: string;
    };

export type ComposedMail = { subject: string; text: string; html: string };

/** The email a church's admins get when a sermon is ready or has failed: plain text and simple HTML. */
export function composeSermonNotification(notice: SermonNotification): ComposedMail {
  const title = `“${notice.sermonTitle}”`;
  if (notice.kind === "ready") {
    const lead = `${title} is ready: listeners can play it and find it in search.`;
    return {
      subject: `${title} is ready — ${notice.churchName}`,
      text: [lead, "", `Open the sermon: ${notice.link}`, "", signature(notice.churchName)].join(
        "\n",
      ),
      html: page([
        paragraph(escapeHtml(lead)),
        paragraph(`<a href="${escapeHtml(notice.link)}">Open the sermon</a>`),
        footer(notice.churchName),
      ]),
    };
  }
  const stage = STAGES[notice.stage].label;
  // The audio check fails only for a file no retry can use (the sermon is rejected).
  const next =
    notice.stage === "audio_check"
      ? "Upload another recording on the sermon's page."
      : "Once the cause is fixed, press Retry on the sermon's page: it resumes at this stage.";
  const lead = `Processing ${title} stopped at: ${stage}.`;
  return {
    subject: `${title} could not be processed — ${notice.churchName}`,
    text: [
      lead,
      "",
      `Why: ${notice.reason}`,
      "",
      next,
      `Open the sermon: ${notice.link}`,
      "",
      signature(notice.churchName),
    ].join("\n"),
    html: page([
      paragraph(escapeHtml(lead)),
      paragraph(`<strong>Why:</strong> ${escapeHtml(notice.reason)}`),
      paragraph(escapeHtml(next)),
      paragraph(`<a href="${escapeHtml(notice.link)}">Open the sermon</a>`),
      footer(notice.churchName),
    ]),
  };
}

const signature = (churchName: string) =>
  `— Selah, for ${churchName}'s owners and admins. You get this because you are one.`;

const paragraph = (html: string) => `<p style="margin:0 0 16px">${html}</p>`;
const footer = (churchName: string) =>
  `<p style="margin:24px 0 0;color:#78716c;font-size:13px">${escapeHtml(signature(churchName))}</p>`;
const page = (parts: string[]) =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5">${parts.join("")}</body></html>`;

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!,
  );
}
