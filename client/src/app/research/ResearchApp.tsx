import type { ViewerQuery } from '../../graphql/generated/graphql';
import { AppHeader, Layout } from '../AppHeader';

/** A researcher's layout. Aggregates are served by the API for now; the explorer page joins this layout later. */
export default function ResearchApp({ viewer, onSignOut }: { viewer: ViewerQuery['viewer']; onSignOut: () => void }) {
  return (
    <Layout header={<AppHeader viewer={viewer} home="/" nav={[]} onSignOut={onSignOut} />}>
      <section className="panel empty-state" aria-labelledby="research-heading">
        <h1 id="research-heading">Research</h1>
        <p>
          Research accounts see de-identified aggregates only, never a person's record. For now the aggregates are offered through the
          GraphQL API (<code>/graphql</code>); this page has no explorer yet.
        </p>
      </section>
    </Layout>
  );
}
