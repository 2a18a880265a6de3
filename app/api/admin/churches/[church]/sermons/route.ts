// POST /api/admin/churches/:church/sermons — create a sermon from the sermon form's fields as
// JSON (a draft unless publishState says otherwise): 201 { id, slug }. For scripts; see README.
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { createChurchSermon } from "@/lib/catalog/sermons/create-church-sermon";
import { sermonJsonInputSchema } from "@/lib/catalog/sermons/sermon-json-input";

export const POST = churchRoute<{ church: string }, typeof sermonJsonInputSchema>(
  { atLeast: "editor", body: sermonJsonInputSchema },
  async ({ access, body }) => {
    const { id, slug } = await createChurchSermon(access.church.id, body);
    return Response.json(
      { id, slug },
      {
        status: 201,
        headers: { location: `/api/admin/churches/${access.church.slug}/sermons/${id}` },
      },
    );
  },
);
