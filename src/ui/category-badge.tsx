// Shared UI: the small coloured badge naming a catalogue category.
import type { Category } from '../core/index.ts';

export function CategoryBadge({ category }: { category: Category | 'unknown' | 'note' }) {
  return (
    <span class={`badge badge-${category}`} data-testid="category-badge">
      {category}
    </span>
  );
}
