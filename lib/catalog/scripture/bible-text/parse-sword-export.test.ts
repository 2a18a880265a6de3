import { describe, expect, it } from "vitest";
import { parseSwordExport } from "./parse-sword-export";

// The shape `mod2imp engWEB2015eb` / `mod2imp engKJV2006eb` prints (abridged from the modules).
const EXPORT = `$$$[ Module Heading ]

$$$Genesis 0:0
<title level="1" type="main">Preface to the World English Bible</title> The Holy Bible is a collection.
$$$Genesis 1:1
<w lemma="strong:H0430">In</w> <w lemma="strong:H0853">the</w> <w lemma="strong:H7225">beginning</w>, <w lemma="strong:H0430">God</w><note placement="foot"><reference type="annotateRef">1:1 </reference>The Hebrew word rendered “God” is “Elohim”.</note><w lemma="strong:H1254">created</w> the heavens and the earth.
$$$Psalms 23:1
<title canonical="true" type="psalm">A Psalm by David.</title> <lg sID="gen8524"/> <l level="1" sID="gen8525"/><w>Yahweh</w> is my <w>shepherd</w>;<l eID="gen8525" level="1"/> <l level="2" sID="gen8526"/>I shall lack nothing. <l eID="gen8526" level="2"/>

$$$Tobit 1:1
The book of the words of Tobit.
$$$I John 4:8
<q marker="" who="John">¶ He who doesn’t love doesn’t know God, for God is love.</q>
$$$Revelation of John 22:21
The grace of the Lord Jesus Christ be with all the saints. Amen.
`;

describe("parseSwordExport", () => {
  it("reads each verse as it is read aloud: notes, headings and markup gone", () => {
    expect(parseSwordExport(EXPORT)).toEqual([
      ["Gen", 1, 1, "In the beginning, God created the heavens and the earth."],
      ["Ps", 23, 1, "Yahweh is my shepherd; I shall lack nothing."],
      ["1John", 4, 8, "He who doesn’t love doesn’t know God, for God is love."],
      ["Rev", 22, 21, "The grace of the Lord Jesus Christ be with all the saints. Amen."],
    ]);
  });
});
