/**
 * Topic banks for generated sermons: what a sermon on a passage keeps talking about (`core`)
 * and what each of its parts adds (`angles`: one is picked per part). Real sermons' parts share
 * their passage's words, so a part's text mixes the core with its angle: topic shifts inside a
 * sermon are faint, as they are when a preacher speaks.
 */
export interface Topic {
  passage: string;
  /** Who the passage is about. */
  names: string[];
  core: string[];
  angles: string[][];
}

export const TOPICS: Topic[] = [
  {
    passage: "John 10:1-18",
    names: ["Jesus", "the shepherd", "the Pharisees"],
    core: [
      "shepherd",
      "sheep",
      "voice",
      "gate",
      "flock",
      "pasture",
      "the fold",
      "the good shepherd",
    ],
    angles: [
      ["thieves", "robbers", "danger", "wolves", "fear", "the hired hand"],
      ["name", "knowing", "calling", "listening", "recognition", "belonging"],
      ["life", "abundance", "green pastures", "rest", "provision", "safety"],
      ["sacrifice", "laying down", "death", "cross", "authority", "love"],
      ["other sheep", "one flock", "unity", "mission", "strangers", "outsiders"],
    ],
  },
  {
    passage: "Luke 15:11-32",
    names: ["the father", "the younger son", "the older brother"],
    core: ["father", "son", "home", "inheritance", "the far country", "the feast", "return"],
    angles: [
      ["money", "wild living", "famine", "pigs", "hunger", "squandered wealth"],
      ["running", "embrace", "robe", "ring", "sandals", "compassion"],
      ["anger", "resentment", "obedience", "the field", "a young goat", "fairness"],
      ["music", "dancing", "celebration", "joy", "welcome", "the fattened calf"],
      ["shame", "dignity", "village", "reputation", "honour", "disgrace"],
    ],
  },
  {
    passage: "Romans 8:28-39",
    names: ["Paul", "the Romans", "the apostle"],
    core: ["love", "purpose", "calling", "Christ", "glory", "nothing can separate us"],
    angles: [
      ["suffering", "trouble", "hardship", "persecution", "danger", "the sword"],
      ["predestined", "foreknew", "conformed", "image", "firstborn", "family"],
      ["justified", "condemnation", "accusation", "court", "judge", "verdict"],
      ["angels", "demons", "powers", "height", "depth", "creation"],
      ["conquerors", "victory", "strength", "confidence", "assurance", "hope"],
    ],
  },
  {
    passage: "Matthew 6:25-34",
    names: ["Jesus", "the disciples", "the crowd"],
    core: ["worry", "anxiety", "tomorrow", "the kingdom", "seek first", "your heavenly father"],
    angles: [
      ["birds", "the air", "barns", "storing", "feeding", "sparrows"],
      ["lilies", "the field", "clothing", "Solomon", "splendour", "grass"],
      ["food", "drink", "body", "needs", "groceries", "rent"],
      ["righteousness", "priorities", "treasure", "heart", "desire", "pursuit"],
      ["trouble", "each day", "sufficient", "present", "planning", "control"],
    ],
  },
  {
    passage: "1 Samuel 17:32-50",
    names: ["David", "Goliath", "Saul", "the Philistines"],
    core: ["giant", "battle", "courage", "the Lord", "Israel", "the valley"],
    angles: [
      ["armour", "sword", "helmet", "weapons", "bronze", "spear"],
      ["stones", "sling", "brook", "shepherd boy", "lion", "bear"],
      ["taunts", "mockery", "insults", "pride", "size", "threats"],
      ["brothers", "Eliab", "jealousy", "doubt", "criticism", "family"],
      ["victory", "the name of the Lord", "salvation", "trust", "faith", "deliverance"],
    ],
  },
  {
    passage: "1 Corinthians 13:1-13",
    names: ["Paul", "the Corinthians", "the church"],
    core: ["love", "patience", "kindness", "gifts", "the body", "faith hope and love"],
    angles: [
      ["tongues", "angels", "gong", "cymbal", "prophecy", "knowledge"],
      ["envy", "boasting", "pride", "rudeness", "self seeking", "anger"],
      ["records of wrongs", "forgiveness", "grudges", "keeping score", "reconciliation", "mercy"],
      ["mirror", "childhood", "maturity", "reasoning", "face to face", "completion"],
      ["marriage", "friendship", "neighbours", "enemies", "strangers", "household"],
    ],
  },
  {
    passage: "Luke 10:25-37",
    names: ["the Samaritan", "the lawyer", "the priest", "the Levite"],
    core: ["neighbour", "mercy", "the road", "Jericho", "compassion", "eternal life"],
    angles: [
      ["robbers", "wounds", "beaten", "stripped", "half dead", "danger"],
      ["priest", "Levite", "temple", "purity", "passing by", "the other side"],
      ["oil", "wine", "bandages", "donkey", "inn", "denarii"],
      ["enemies", "prejudice", "Samaritans", "hatred", "borders", "history"],
      ["go and do likewise", "action", "service", "inconvenience", "cost", "time"],
    ],
  },
  {
    passage: "Acts 2:1-21",
    names: ["Peter", "the apostles", "the crowd", "Joel"],
    core: ["Spirit", "Pentecost", "church", "power", "witness", "the promise"],
    angles: [
      ["wind", "fire", "tongues of fire", "sound", "the house", "filled"],
      ["languages", "nations", "Parthians", "Cretans", "Arabs", "understanding"],
      ["drunk", "wine", "nine in the morning", "mockers", "confusion", "amazement"],
      ["prophecy", "dreams", "visions", "young men", "old men", "daughters"],
      ["repent", "baptism", "three thousand", "forgiveness", "gift", "the last days"],
    ],
  },
  {
    passage: "John 20:19-29",
    names: ["Thomas", "the disciples", "Jesus"],
    core: ["doubt", "faith", "wounds", "peace", "resurrection", "believing"],
    angles: [
      ["locked doors", "fear", "the Jews", "hiding", "evening", "grief"],
      ["hands", "side", "nails", "touch", "evidence", "proof"],
      ["my Lord and my God", "confession", "worship", "recognition", "surrender", "awe"],
      ["blessed", "not seen", "testimony", "generations", "trust", "the word"],
      ["sent", "breath", "forgiveness", "mission", "the world", "authority"],
    ],
  },
];
