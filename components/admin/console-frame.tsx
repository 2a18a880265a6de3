/**
 * The frame of the admin and operator consoles: who and where (an eyebrow and a title), the
 * signed-in email with Sign out, the section's navigation, then the page.
 */
export function ConsoleFrame({
  eyebrow,
  title,
  email,
  signOut,
  nav,
  className = "",
  children,
}: {
  eyebrow: string;
  title: string;
  email: string;
  signOut: () => Promise<void>;
  nav: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`bg-stone-50 ${className}`}>
      <div className="border-b border-stone-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <div className="flex flex-wrap items-center justify-between gap-3 pt-6">
            <div>
              <p className="text-xs font-semibold uppercase tracking-widest text-amber-700">
                {eyebrow}
              </p>
              <h1 className="mt-1 text-xl font-semibold tracking-tight">{title}</h1>
            </div>
            <form action={signOut} className="flex items-center gap-3 text-sm text-stone-600">
              <span className="hidden sm:inline">{email}</span>
              <button
                type="submit"
                className="rounded-lg px-3 py-1.5 font-medium hover:bg-stone-100"
              >
                Sign out
              </button>
            </form>
          </div>
          <div className="mt-4">{nav}</div>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</div>
    </div>
  );
}
