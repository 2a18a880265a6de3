import { describe, expect, it } from "vitest";
import { ipaToArpabet } from "./ipa-to-arpabet";

describe("ipaToArpabet", () => {
  it("turns espeak-ng's IPA into the recogniser's phones, stress and length dropped", () => {
    expect(ipaToArpabet("nˌɪkədˈiːməs")).toEqual(["N", "IH", "K", "AH", "D", "IY", "M", "AH", "S"]);
    expect(ipaToArpabet("tʃˈɜːtʃ")).toEqual(["CH", "ER", "CH"]);
    expect(ipaToArpabet("bᵻɡˈɑːʔn̩")).toEqual(["B", "IH", "G", "AA", "T", "N"]);
  });

  it("skips symbols English has no phone for", () => {
    expect(ipaToArpabet("ʁ")).toEqual([]);
  });
});
