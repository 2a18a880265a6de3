"use client";

import { useState } from "react";
import { Field, inputClass } from "@/components/forms/field";

const MAX_BYTES = 200_000;
const TEXT_FILE = /\.(txt|md|markdown|text)$/i;

/**
 * The preacher's manuscript: pasted, or read from a .txt/.md file into the box (so it is sent
 * with the rest of the form and can be checked before saving). A file of another kind, or one
 * over the limit, is refused here with a message; the server checks the same again.
 */
export function ManuscriptField(props: { value: string; errors?: string[] }) {
  const [text, setText] = useState(props.value);
  const [fileError, setFileError] = useState<string | null>(null);

  async function readFile(file: File) {
    setFileError(null);
    if (!TEXT_FILE.test(file.name) && !/^text\/(plain|markdown)$/.test(file.type)) {
      return setFileError(
        `${file.name} is not a text file: choose a .txt or .md file, or paste the manuscript.`,
      );
    }
    if (file.size > MAX_BYTES) {
      return setFileError(
        `${file.name} is ${Math.ceil(file.size / 1000)} KB; a manuscript can be at most ${MAX_BYTES / 1000} KB.`,
      );
    }
    setText(await file.text());
  }

  const errors = [...(fileError ? [fileError] : []), ...(props.errors ?? [])];
  return (
    <Field
      label="Manuscript"
      name="manuscript"
      errors={errors}
      hint="Optional. The sermon's manuscript or notes, as plain text or Markdown: the transcript then uses its words, timed to the audio; what was said but not written stays as heard, marked."
    >
      <textarea
        id="manuscript"
        name="manuscript"
        rows={8}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        aria-invalid={errors.length > 0}
        className={`${inputClass} font-mono text-xs`}
      />
      <label className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-50">
        Read from a .txt or .md file
        <input
          type="file"
          accept=".txt,.md,.markdown,text/plain,text/markdown"
          className="sr-only"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) void readFile(file);
          }}
        />
      </label>
    </Field>
  );
}
