/** The Web Audio path of one `<audio>`: built once, since an element gives up its sound once. */
interface VoiceBoostGraph {
  context: AudioContext;
  source: MediaElementAudioSourceNode;
  /** The first node of the boost; its last one feeds the speakers. */
  boost: AudioNode;
}

const graphs = new WeakMap<HTMLMediaElement, VoiceBoostGraph>();

/**
 * Routes `audio` through the voice boost or around it, while it plays. The first time it is
 * switched on the element's sound is taken into Web Audio for good (createMediaElementSource
 * works once per element), so off then means straight to the speakers through the same
 * context; until then the element plays as it always did. Call it after a gesture (a click
 * on the toggle or on Play): a context made without one starts suspended, and silent.
 */
export function setVoiceBoost(audio: HTMLMediaElement, isOn: boolean) {
  let graph = graphs.get(audio);
  if (!graph) {
    if (!isOn) return;
    graph = buildGraph(audio);
    graphs.set(audio, graph);
  }
  const { context, source, boost } = graph;
  source.disconnect();
  source.connect(isOn ? boost : context.destination);
  if (context.state === "suspended") void context.resume().catch(() => {});
}

/**
 * Sermons recorded at the back of a hall: a low cut takes the room's boom, a dip at 300 Hz
 * its muddiness, a presence lift at 3 kHz and a gentle high shelf bring back consonants; the
 * compressor then evens loud and soft phrases, and make-up gain raises the quiet ones.
 */
function buildGraph(audio: HTMLMediaElement): VoiceBoostGraph {
  const context = new AudioContext();
  const source = context.createMediaElementSource(audio);
  const lowCut = new BiquadFilterNode(context, { type: "highpass", frequency: 90, Q: 0.7 });
  const mud = new BiquadFilterNode(context, {
    type: "peaking",
    frequency: 300,
    Q: 1,
    gain: -3,
  });
  const presence = new BiquadFilterNode(context, {
    type: "peaking",
    frequency: 3_000,
    Q: 0.9,
    gain: 4,
  });
  const air = new BiquadFilterNode(context, { type: "highshelf", frequency: 6_000, gain: 2 });
  const compressor = new DynamicsCompressorNode(context, {
    threshold: -30,
    knee: 12,
    ratio: 4,
    attack: 0.005,
    release: 0.25,
  });
  const makeUp = new GainNode(context, { gain: 1.8 });
  lowCut.connect(mud).connect(presence).connect(air).connect(compressor).connect(makeUp);
  makeUp.connect(context.destination);
  return { context, source, boost: lowCut };
}
