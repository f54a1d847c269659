import { selectStore } from "@/app/(dashboard)/dashboard/actions/select-store";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";

type StoreOption = { slug: string; name: string };

/** Shown only to members of more than one store. Works without JavaScript. */
export function StoreSwitcher({
  stores,
  current,
  labels,
}: {
  stores: StoreOption[];
  current: string;
  labels: { store: string; switchStore: string };
}) {
  if (stores.length < 2) return null;
  return (
    <form action={selectStore} className="flex gap-2">
      <label htmlFor="store-switcher" className="sr-only">
        {labels.store}
      </label>
      <NativeSelect id="store-switcher" name="slug" defaultValue={current}>
        {stores.map((store) => (
          <option key={store.slug} value={store.slug}>
            {store.name}
          </option>
        ))}
      </NativeSelect>
      <Button type="submit" size="sm" variant="outline">
        {labels.switchStore}
      </Button>
    </form>
  );
}
