import { asArray, isObject, stringAt } from "./read";

type Target = { index: number; resourceType: string };

/** Resolves references inside a bundle: by an entry's fullUrl, or by "Type/id" of its resource. */
export class BundleReferences {
  private readonly targets = new Map<string, Target>();

  constructor(entries: unknown[]) {
    entries.forEach((entry, index) => {
      if (!isObject(entry) || !isObject(entry.resource)) return;
      const resourceType = String(entry.resource.resourceType);
      const fullUrl = stringAt(entry.fullUrl);
      if (fullUrl) this.targets.set(fullUrl, { index, resourceType });
      const id = stringAt(entry.resource.id);
      if (id) this.targets.set(`${resourceType}/${id}`, { index, resourceType });
    });
  }

  /** The index of the entry a reference points to, if it is of the expected type. */
  resolve(reference: unknown, resourceType: string): number | undefined {
    const text = isObject(reference) ? stringAt(reference.reference) : undefined;
    const target = text === undefined ? undefined : this.targets.get(text);
    return target?.resourceType === resourceType ? target.index : undefined;
  }

  /** The first of several references (e.g. partOf) that points to an entry of the type. */
  resolveFirst(references: unknown, resourceType: string): number | undefined {
    for (const reference of asArray(references)) {
      const index = this.resolve(reference, resourceType);
      if (index !== undefined) return index;
    }
    return undefined;
  }
}
