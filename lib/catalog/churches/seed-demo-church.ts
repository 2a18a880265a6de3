import type { Db } from "@/lib/platform/db/client";

export const DEMO_CHURCH_SLUG = "grace-chapel";

/** A church to explore on a fresh install; running it again changes nothing. */
export async function seedDemoChurch(db: Db): Promise<{ churchId: string; isNew: boolean }> {
  const existing = await db.church.findUnique({ where: { slug: DEMO_CHURCH_SLUG } });
  if (existing) return { churchId: existing.id, isNew: false };
  const church = await db.church.create({
    data: {
      slug: DEMO_CHURCH_SLUG,
      name: "Grace Chapel",
      description:
        "A neighbourhood church in Portland, preaching verse by verse through the Bible.",
      websiteUrl: "https://example.org/grace-chapel",
      timezone: "America/Los_Angeles",
      speakers: {
        create: [
          {
            slug: "pastor-ruth-okafor",
            name: "Pastor Ruth Okafor",
            bio: "Lead pastor since 2014.",
          },
          { slug: "david-lindqvist", name: "David Lindqvist", bio: "Teaching elder." },
          { slug: "maria-santos", name: "Maria Santos", bio: "Youth and family pastor." },
        ],
      },
      series: {
        create: [
          {
            slug: "romans",
            title: "Romans: The Gospel Unfolded",
            description: "Sixteen chapters, one grand argument.",
          },
          {
            slug: "psalms-of-ascent",
            title: "Psalms of Ascent",
            description: "Songs for the road, Psalms 120–134.",
          },
          {
            slug: "sermon-on-the-mount",
            title: "The Sermon on the Mount",
            description: "Matthew 5–7.",
          },
        ],
      },
    },
  });
  return { churchId: church.id, isNew: true };
}
