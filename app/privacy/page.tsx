import type { Metadata } from "next";

export const metadata: Metadata = { title: "Privacy" };

/** What listening insights count and keep: the same rules lib/catalog/insights/ follows. */
export default function PrivacyPage() {
  return (
    <main className="mx-auto max-w-2xl space-y-5 px-4 py-10 text-stone-800 sm:px-6">
      <h1 className="text-2xl font-semibold text-stone-900">Privacy</h1>
      <h2 className="text-lg font-semibold text-stone-900">What the player tells churches</h2>
      <p>
        So a church can see which sermons are heard and where listeners stop, the player reports
        when a sermon starts, each stretch you listen to (at every tenth of the sermon, when you
        pause and when you leave the page), when you jump to another place and when you reach the
        end. Reports are collected in your browser and sent a few at a time.
      </p>
      <h2 className="text-lg font-semibold text-stone-900">What is not kept</h2>
      <ul className="list-disc space-y-2 pl-5">
        <li>
          Your IP address and your browser&apos;s user agent are read only while the report is
          handled and are never stored.
        </li>
        <li>
          To count unique listeners, Selah mixes your address and user agent with a random secret
          into a code (a salted hash). The secret is made for one day, held only in the
          server&apos;s memory and then thrown away, so the code cannot be turned back into your
          address and today&apos;s code cannot be linked to yesterday&apos;s.
        </li>
        <li>
          Your account, if you have one, is never attached to these reports. Your saved place in a
          sermon is a separate feature you control from your account page.
        </li>
        <li>
          The reports themselves are deleted after a short period (two days unless this site
          configured otherwise). Only daily totals per sermon stay: plays, unique listeners,
          completions and how many listeners heard each 1% of it.
        </li>
        <li>
          Searches are counted per church and day as their words only, with no one&apos;s identity;
          podcast downloads are counted per sermon and day.
        </li>
      </ul>
      <p>Automated visitors (search engine crawlers and other bots) are not counted.</p>
    </main>
  );
}
