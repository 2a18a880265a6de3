// Sermon texts for bench:manuscript, written for it: paragraphs as a preacher would read them,
// with numbers and references a manuscript writes in digits. Each paragraph's sentences end
// with a full stop so the deviation step can swap whole sentences.
export const MANUSCRIPT_SERMONS: readonly (readonly string[])[] = [
  [
    "Good morning, church. This morning we open the Gospel of John, chapter 3, and we read one of the best known verses in the whole Bible. Many of you learned it as children.",
    "For God so loved the world, that he gave his only begotten Son. Notice where the sentence begins. It does not begin with our love for God, but with his love for the world.",
    "Nicodemus came to Jesus by night. He was a teacher of Israel, a careful and respected man. Yet he did not understand what it means to be born again.",
    "So what does this mean for us today? It means that grace comes first. We do not earn it, and we cannot lose it by one bad week. Let us pray.",
  ],
  [
    "Turn with me to Psalm 23. David wrote this psalm as a shepherd who had become a king. He knew both the field and the palace.",
    "The Lord is my shepherd, I shall not want. A shepherd walks ahead of the sheep. He finds the water and the grass before they need it.",
    "Even in the valley of the shadow of death, the sheep are not alone. The rod and the staff are there to guide and to protect. Fear is real, but it does not have the last word.",
    "This week, when you feel that you are walking alone, remember the shepherd. He has gone ahead of you. He will bring you home.",
  ],
  [
    "Our reading today is from the letter of James, chapter 1, verses 2 to 4. James writes to believers who were scattered and under pressure.",
    "Count it all joy when you fall into various trials. That is a hard sentence to hear in a hospital waiting room. James knew that, and he wrote it anyway.",
    "Trials test our faith the way fire tests gold. The fire does not destroy the gold. It shows what is real and burns away the rest.",
    "So the question is not whether trials will come. They will. The question is what we will let them make of us.",
  ],
];

/** Sentences a manuscript may carry that the preacher never says, and that a preacher adds. */
export const OTHER_SENTENCES: readonly string[] = [
  "I remember a winter when the snow covered our little town for 11 days.",
  "My grandmother used to bake bread every Saturday morning before sunrise.",
  "There is a small bridge near the river where the fishermen meet at dawn.",
  "Some of you drove a long way through the rain to be here today.",
  "The old church bell was cast in a foundry far away across the sea.",
  "We will have coffee and cake in the hall after the service.",
];
