// Longest first: diphthongs and affricates before their parts.
const PHONES: readonly (readonly [string, string])[] = [
  ["tʃ", "CH"],
  ["dʒ", "JH"],
  ["eɪ", "EY"],
  ["aɪ", "AY"],
  ["ɔɪ", "OY"],
  ["aʊ", "AW"],
  ["oʊ", "OW"],
  ["əʊ", "OW"],
  ["ɪə", "IH R"],
  ["ɛə", "EH R"],
  ["ʊə", "UH R"],
  ["ɜ", "ER"],
  ["ɚ", "ER"],
  ["ɝ", "ER"],
  ["p", "P"],
  ["b", "B"],
  ["t", "T"],
  ["d", "D"],
  ["k", "K"],
  ["ɡ", "G"],
  ["g", "G"],
  ["f", "F"],
  ["v", "V"],
  ["θ", "TH"],
  ["ð", "DH"],
  ["s", "S"],
  ["z", "Z"],
  ["ʃ", "SH"],
  ["ʒ", "ZH"],
  ["h", "HH"],
  ["m", "M"],
  ["n", "N"],
  ["ŋ", "NG"],
  ["l", "L"],
  ["ɫ", "L"],
  ["ɹ", "R"],
  ["r", "R"],
  ["j", "Y"],
  ["w", "W"],
  ["ɪ", "IH"],
  ["ᵻ", "IH"],
  ["i", "IY"],
  ["ɛ", "EH"],
  ["e", "EH"],
  ["æ", "AE"],
  ["a", "AE"],
  ["ɑ", "AA"],
  ["ɒ", "AA"],
  ["ɔ", "AO"],
  ["ʌ", "AH"],
  ["ə", "AH"],
  ["ɐ", "AH"],
  ["ʊ", "UH"],
  ["u", "UW"],
  ["o", "OW"],
  ["ɾ", "T"],
  // American English says many a t as a glottal stop ("begotten").
  ["ʔ", "T"],
  ["x", "K"],
];

/**
 * espeak-ng's IPA for one word → CMU (ARPAbet) phones, the set pocketsphinx's English model
 * knows: how a manuscript's names and rare words that the dictionary lacks get a pronunciation.
 * Stress, length and syllable marks are dropped; a symbol with no English phone is skipped.
 */
export function ipaToArpabet(ipa: string): string[] {
  const text = ipa.normalize("NFD").replace(/[\u0300-\u036fˈˌːˑ.‿'-]/g, "");
  const phones: string[] = [];
  let i = 0;
  while (i < text.length) {
    const found = PHONES.find(([symbol]) => text.startsWith(symbol, i));
    if (found) {
      phones.push(...found[1].split(" "));
      i += found[0].length;
    } else {
      i++;
    }
  }
  return phones;
}
