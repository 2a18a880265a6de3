import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";

// The admin HTTP API as a church's IT volunteer's script uses it (README "Scripting uploads"):
// sign in through better-auth's endpoint, create a sermon, upload its recording in parts to
// the presigned URLs, complete, and poll the status until it is processed.
const volunteer = { email: "it@scripted.example", password: "scripted-it-password" };
const CHURCH = "scripted-parish";
const api = `/api/admin/churches/${CHURCH}`;

test.beforeAll(() => {
  createAdmin({ ...volunteer, church: CHURCH, role: "editor" });
  createAdmin({
    email: "owner@other-parish.example",
    password: "other-password",
    church: "other-parish",
  });
});

/** Polls the status endpoint until nothing runs any more; returns the last answer. */
async function waitUntilProcessed(request: APIRequestContext, sermonId: string) {
  let progress: { status: string; isActive: boolean; failure: unknown } | undefined;
  await expect
    .poll(
      async () => {
        progress = await (await request.get(`${api}/sermons/${sermonId}`)).json();
        return progress!.isActive;
      },
      { timeout: 150_000, intervals: [1_000] },
    )
    .toBe(false);
  return progress!;
}

test("a script signs in, creates a sermon, uploads its recording and sees it processed", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const anonymous = await request.post(`${api}/sermons`, { data: { title: "Anonymous" } });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({
    error: { code: "unauthenticated", message: "Sign in first." },
  });

  // No Origin header, no cookies yet: what curl sends.
  const signedIn = await request.post("/api/auth/sign-in/email", { data: volunteer });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  // Secure (and so named __Secure-…) as BETTER_AUTH_URL is unset in production: see README.
  expect(signedIn.headers()["set-cookie"]).toMatch(
    /^__Secure-better-auth\.session_token=.*; Secure/m,
  );

  const invalid = await request.post(`${api}/sermons`, {
    data: { preachedOn: "22/11/2026", publishState: "scheduled" },
  });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toEqual({
    error: {
      code: "invalid_request",
      message: "The request is not valid.",
      fields: {
        title: ["Give the sermon a title."],
        preachedOn: ["Use a date like 2026-11-22."],
        publishAt: ["Choose when to publish."],
      },
    },
  });
  const unknownPassage = await request.post(`${api}/sermons`, {
    data: { title: "Lost", scripture: "Hezekiah 4:1" },
  });
  expect(unknownPassage.status()).toBe(422);
  expect((await unknownPassage.json()).error.fields).toEqual({
    scripture: ["Not recognised as Bible references: Hezekiah 4:1"],
  });
  const elsewhere = await request.post("/api/admin/churches/other-parish/sermons", {
    data: { title: "Planted" },
  });
  expect(elsewhere.status()).toBe(404);
  expect((await elsewhere.json()).error.code).toBe("church_not_found");

  // Listeners' page for the sermon-to-be, answered (and cached) before it exists.
  const listenerPath = `/churches/${CHURCH}/sermons/still-waters`;
  expect((await request.get(listenerPath)).status()).toBe(404);

  const created = await request.post(`${api}/sermons`, {
    data: {
      title: "Still Waters",
      scripture: "Ps 23",
      preachedOn: "2026-11-22",
      tags: ["psalms", "rest"],
      publishState: "published",
    },
  });
  expect(created.status()).toBe(201);
  const sermon = await created.json();
  expect(sermon).toEqual({ id: expect.any(String), slug: "still-waters" });
  expect(created.headers().location).toBe(`${api}/sermons/${sermon.id}`);
  // The write expired the church's listener pages: the new sermon's page is there at once.
  const listenerPage = await request.get(listenerPath);
  expect(listenerPage.status()).toBe(200);
  expect(await listenerPage.text()).toContain("Still Waters");

  const audio = readFileSync(generateAudio(5, "scripted-5s.mp3"));
  const started = await request.post(`${api}/sermons/${sermon.id}/uploads`, {
    data: { fileName: "still-waters.mp3", size: audio.length },
  });
  expect(started.status(), await started.text()).toBe(200);
  const upload = await started.json();
  expect(upload).toMatchObject({ uploadId: expect.any(String), partCount: 1 });
  const presigned = await request.post(
    `${api}/sermons/${sermon.id}/uploads/${upload.uploadId}/parts`,
    { data: { partNumbers: [1] } },
  );
  const [{ url }] = (await presigned.json()).urls;
  // A bare request, as curl's: no session cookie rides along to storage.
  const put = await fetch(new URL(url, `${test.info().project.use.baseURL}/`), {
    method: "PUT",
    body: audio,
  });
  expect(put.status, await put.clone().text()).toBe(200);
  const completed = await request.post(
    `${api}/sermons/${sermon.id}/uploads/${upload.uploadId}/complete`,
    { data: { parts: [{ partNumber: 1, etag: put.headers.get("etag") }] } },
  );
  expect(completed.status(), await completed.text()).toBe(200);

  const progress = await waitUntilProcessed(request, sermon.id);
  expect(progress).toMatchObject({ status: "searchable", failure: null });
  expect(await (await request.get(`/churches/${CHURCH}`)).text()).toContain("Still Waters");
});

test("the README's upload script works as written", async () => {
  test.setTimeout(180_000);
  const testInfo = test.info();
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Scripting uploads"));
  const script = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  expect(script, "the bash example under “Scripting uploads”").toBeTruthy();
  const file = testInfo.outputPath("upload-sermon.sh");
  writeFileSync(file, script!);

  const { stdout } = await promisify(execFile)(
    "bash",
    [
      file,
      generateAudio(5, "scripted-5s.mp3"),
      "The Lord Is My Shepherd",
      JSON.stringify({ scripture: "Ps 23", publishState: "published" }),
    ],
    {
      env: {
        ...process.env,
        SELAH: testInfo.project.use.baseURL,
        CHURCH,
        EMAIL: volunteer.email,
        PASSWORD: volunteer.password,
      },
      timeout: 150_000,
    },
  );
  expect(stdout).toMatch(/^created the-lord-is-my-shepherd \(\w+\)$/m);
  expect(stdout.trim().split("\n").at(-1)).toBe("status: searchable");
});
