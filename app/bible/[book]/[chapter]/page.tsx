import { VerseRoute, verseRouteMetadata } from "@/app/bible/_lib/verse-route";

export const dynamic = "force-dynamic";

export const generateMetadata = verseRouteMetadata;
export default VerseRoute;
