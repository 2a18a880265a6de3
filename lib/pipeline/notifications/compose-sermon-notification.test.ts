import { describe, expect, it } from "vitest";
import { composeSermonNotification } from "./compose-sermon-notification";

const common = {
  sermonTitle: `Fear & "Faith" <script>`,
  churchName: "St. Mary's",
  link: "https://sermons.example.org/admin/st-marys/sermons/abc?x=1&y=2",
};

describe("composeSermonNotification", () => {
  it("escapes the title, reason and link in the HTML, and keeps the text as written", () => {
    const mail = composeSermonNotification({
      kind: "failed",
      ...common,
      stage: "index",
      reason: "The embedder said <500> & gave up.",
    });
    expect(mail.subject).toBe(`“Fear & "Faith" <script>” could not be processed — St. Mary's`);
    expect(mail.text).toContain(
      'Processing “Fear & "Faith" <script>” stopped at: Search indexing.',
    );
    expect(mail.text).toContain("Why: The embedder said <500> & gave up.");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Fear &amp; &quot;Faith&quot; &lt;script&gt;");
    expect(mail.html).toContain("The embedder said &lt;500&gt; &amp; gave up.");
    expect(mail.html).toContain(
      'href="https://sermons.example.org/admin/st-marys/sermons/abc?x=1&amp;y=2"',
    );
  });

  it("tells the admins of a rejected file to upload another, and of any other failure to retry", () => {
    const rejected = composeSermonNotification({
      kind: "failed",
      ...common,
      stage: "audio_check",
      reason: "This file is not audio.",
    });
    expect(rejected.text).toContain("Upload another recording");
    expect(rejected.text).not.toContain("Retry");
    const ready = composeSermonNotification({ kind: "ready", ...common });
    expect(ready.subject).toBe(`“Fear & "Faith" <script>” is ready — St. Mary's`);
    expect(ready.text).toContain(`Open the sermon: ${common.link}`);
  });
});
