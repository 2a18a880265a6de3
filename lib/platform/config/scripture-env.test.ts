import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv } from "@/lib/platform/config/parse-env";
import { transcriptionEnvSchema } from "./transcription-env";

const transcription = (env: Record<string, string>) => parseEnv(transcriptionEnvSchema, env);

describe("SCRIPTURE_TRANSLATION", () => {
  it("snaps to the WEB by default, or the KJV, or not at all", () => {
    expect(transcription({})).toMatchObject({
      SCRIPTURE_TRANSLATION: "WEB",
      SELAH_DATA_DIR: ".data",
    });
    expect(transcription({ SCRIPTURE_TRANSLATION: "KJV" }).SCRIPTURE_TRANSLATION).toBe("KJV");
    expect(transcription({ SCRIPTURE_TRANSLATION: "off" }).SCRIPTURE_TRANSLATION).toBe("off");
  });

  it("names the translations it knows when given another", () => {
    const parse = () => transcription({ SCRIPTURE_TRANSLATION: "NIV" });
    expect(parse).toThrow(InvalidEnvError);
    expect(parse).toThrow('SCRIPTURE_TRANSLATION: expected one of WEB, KJV or off (got "NIV")');
  });
});
