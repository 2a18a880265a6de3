import { kWeighting } from "./k-weighting";

/** Loudness and silence resolution: the 100 ms step of BS.1770's overlapping 400 ms blocks. */
export const QUARTER_MS = 100;

/**
 * Streaming accumulators for one recording, filled from mono s16le PCM in a single pass:
 * K-weighted energy per 100 ms (for loudness and silence) and min/max per waveform bucket.
 * Everything is indexed by absolute time, so ranges decoded in parallel add up exactly.
 */
export class AudioAnalysis {
  readonly quarterEnergy: Float64Array;
  readonly quarterSamples: Float64Array;
  readonly bucketMin: Float32Array;
  readonly bucketMax: Float32Array;
  /** Largest absolute sample, 0..1. */
  peak = 0;
  /**
   * One past the last sample any range delivered: the decoded length of the recording, to
   * the sample (ranges are contiguous and the last one reads to the real end).
   */
  endSample = 0;
  readonly samplesPerQuarter: number;
  readonly samplesPerBucket: number;

  constructor(
    readonly sampleRate: number,
    durationMs: number,
    readonly bucketMs: number,
  ) {
    this.samplesPerQuarter = (sampleRate * QUARTER_MS) / 1000;
    this.samplesPerBucket = (sampleRate * bucketMs) / 1000;
    if (!Number.isInteger(this.samplesPerQuarter) || !Number.isInteger(this.samplesPerBucket)) {
      throw new RangeError(
        `sample rate ${sampleRate} must split evenly into ${QUARTER_MS} ms and ${bucketMs} ms`,
      );
    }
    // Decoders may return a little more than the container's duration; the last slot absorbs it.
    this.quarterEnergy = new Float64Array(Math.ceil(durationMs / QUARTER_MS) + 1);
    this.quarterSamples = new Float64Array(this.quarterEnergy.length);
    const buckets = Math.ceil(durationMs / bucketMs) + 1;
    this.bucketMin = new Float32Array(buckets);
    this.bucketMax = new Float32Array(buckets);
  }

  /** A consumer for one contiguous PCM range that starts at absolute sample `firstSample`. */
  rangeReader(firstSample: number): (pcm: Buffer) => void {
    const { shelf, highPass } = kWeighting(this.sampleRate);
    // Coefficients in locals: this loop runs for every sample of the recording.
    const { b0: sb0, b1: sb1, b2: sb2, a1: sa1, a2: sa2 } = shelf;
    const { b0: hb0, b1: hb1, b2: hb2, a1: ha1, a2: ha2 } = highPass;
    // Filter state is per range: each range is a separate decode.
    const state = new Float64Array(4);
    let index = firstSample;
    let carry: Buffer | undefined;
    const {
      quarterEnergy,
      quarterSamples,
      bucketMin,
      bucketMax,
      samplesPerQuarter,
      samplesPerBucket,
    } = this;
    const lastQuarter = quarterEnergy.length - 1;
    const lastBucket = bucketMin.length - 1;

    return (chunk: Buffer) => {
      const data = carry ? Buffer.concat([carry, chunk]) : chunk;
      const usable = data.length & ~1;
      carry = usable < data.length ? Buffer.from(data.subarray(usable)) : undefined;
      const samples = int16View(data, usable);

      // Locals, not closure variables, in the hot loop (V8 keeps those in registers).
      let s1 = state[0]!,
        s2 = state[1]!,
        h1 = state[2]!,
        h2 = state[3]!;
      let i = 0;
      while (i < samples.length) {
        const quarter = Math.min(Math.floor(index / samplesPerQuarter), lastQuarter);
        const bucket = Math.min(Math.floor(index / samplesPerBucket), lastBucket);
        // Process up to the next quarter or bucket boundary, whichever is first.
        const toQuarterEnd =
          quarter === lastQuarter ? Infinity : (quarter + 1) * samplesPerQuarter - index;
        const toBucketEnd =
          bucket === lastBucket ? Infinity : (bucket + 1) * samplesPerBucket - index;
        const end = Math.min(samples.length, i + toQuarterEnd, i + toBucketEnd);

        let energy = 0;
        let min = bucketMin[bucket]!;
        let max = bucketMax[bucket]!;
        for (let j = i; j < end; j++) {
          const x = samples[j]! / 32768;
          if (x < min) min = x;
          else if (x > max) max = x;
          const s = sb0 * x + s1;
          s1 = sb1 * x - sa1 * s + s2;
          s2 = sb2 * x - sa2 * s;
          const y = hb0 * s + h1;
          h1 = hb1 * s - ha1 * y + h2;
          h2 = hb2 * s - ha2 * y;
          energy += y * y;
        }
        quarterEnergy[quarter]! += energy;
        quarterSamples[quarter]! += end - i;
        bucketMin[bucket] = min;
        bucketMax[bucket] = max;
        if (-min > this.peak) this.peak = -min;
        if (max > this.peak) this.peak = max;
        index += end - i;
        i = end;
      }
      state.set([s1, s2, h1, h2]);
      if (index > this.endSample) this.endSample = index;
    };
  }
}

function int16View(data: Buffer, byteLength: number): Int16Array {
  if (data.byteOffset % 2 === 0)
    return new Int16Array(data.buffer, data.byteOffset, byteLength / 2);
  const aligned = Buffer.alloc(byteLength);
  data.copy(aligned, 0, 0, byteLength);
  return new Int16Array(aligned.buffer, aligned.byteOffset, byteLength / 2);
}
