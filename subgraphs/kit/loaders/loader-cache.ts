// Per-request DataLoaders, created lazily and memoised under a key that names what they load
// (entity, relation, filter, sort, page), so every resolver in one request shares one batch.
import DataLoader from 'dataloader';

export class LoaderCache {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
