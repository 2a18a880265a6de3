import { AddItemForm } from "@/components/admin/add-item-form";
import { DeleteButton } from "@/components/admin/delete-button";
import { ItemList } from "@/components/admin/item-list";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;

export interface CatalogItem {
  id: string;
  title: string;
  detail: string | null;
  sermonCount: number;
}

/** The admin page of a church's named things sermons point at (speakers, series): list, delete, add. */
export function CatalogPage(props: {
  heading: string;
  empty: string;
  items: CatalogItem[];
  remove: Action;
  add: Action;
  addHeading: string;
  form: {
    nameField: string;
    nameLabel: string;
    textField: string;
    textLabel: string;
    submitLabel: string;
  };
}) {
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section>
        <h2 className="mb-4 text-lg font-semibold">{props.heading}</h2>
        <ItemList
          empty={props.empty}
          items={props.items.map((item) => ({
            id: item.id,
            title: item.title,
            detail: item.detail,
            meta: `${item.sermonCount} sermon${item.sermonCount === 1 ? "" : "s"}`,
            actions: <DeleteButton action={props.remove} id={item.id} label={item.title} />,
          }))}
        />
      </section>
      <aside>
        <h2 className="mb-4 text-lg font-semibold">{props.addHeading}</h2>
        <AddItemForm action={props.add} {...props.form} />
      </aside>
    </div>
  );
}
