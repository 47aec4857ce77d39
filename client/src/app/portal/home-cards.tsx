import type { ReactNode } from 'react';
import { Link } from '../router';
import { NextVisitSection } from './NextVisitSection';

/** What every card of the portal's home is given. */
export interface PortalCardProps {
  timeZone: string | undefined;
}

/**
 * One card of the portal's home: its id, and what it shows. A card that needs data renders its own
 * component (`render: (props) => <NextVisitCard {...props} />`), which loads it.
 */
export interface PortalCard {
  id: string;
  render: (props: PortalCardProps) => ReactNode;
}

/** The usual card: a heading, a sentence, and one link to the page it is about. */
export function LinkCard({
  id,
  title,
  to,
  action,
  children,
}: {
  id: string;
  title: string;
  to: string;
  action: string;
  children: ReactNode;
}) {
  return (
    <section className="panel portal-card" aria-labelledby={`card-${id}`}>
      <h2 id={`card-${id}`}>{title}</h2>
      <p>{children}</p>
      <Link className="button" to={to}>
        {action}
      </Link>
    </section>
  );
}

function linkCard(id: string, title: string, to: string, action: string, text: string): PortalCard {
  return {
    id,
    render: () => (
      <LinkCard id={id} title={title} to={to} action={action}>
        {text}
      </LinkCard>
    ),
  };
}

/**
 * The cards of the portal's home, in order. To add one (e.g. the next visit, a report to download), add
 * an entry here: a card that needs data fetches it in its own component, so the others never wait for it.
 */
export const portalHomeCards: readonly PortalCard[] = [
  { id: 'next-visit', render: ({ timeZone }) => <NextVisitSection timeZone={timeZone} /> },
  linkCard(
    'diary',
    'Pain diary',
    '/portal/diary',
    'Log my pain now',
    'Write down how much it hurts, now or earlier today or yesterday, with a note if you like.',
  ),
  linkCard(
    'history',
    'My diary history',
    '/portal/history',
    'See my diary history',
    'Your diary entries over time, next to the pain measured at your visits.',
  ),
  linkCard(
    'access',
    'Who has seen my record',
    '/portal/access',
    'See who has seen it',
    'Everyone who looked at or changed your record, and when.',
  ),
  linkCard(
    'record',
    'My record',
    '/portal/record',
    'Download or print my record',
    'Your whole record as a file, and a summary you can print.',
  ),
];

/** The home's cards, each in its own list item so a screen reader counts them. */
export function PortalCards({ cards, timeZone }: { cards: readonly PortalCard[]; timeZone: string | undefined }) {
  return (
    <ul className="portal-cards" aria-label="Your portal">
      {cards.map(({ id, render }) => (
        <li key={id}>{render({ timeZone })}</li>
      ))}
    </ul>
  );
}
