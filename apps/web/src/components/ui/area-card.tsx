import type { HTMLAttributes, ReactNode } from 'react';
import { Card } from './card';

type AreaCardProps = Omit<HTMLAttributes<HTMLElement>, 'title'> & {
  /** The heading's id, which labels the card. */
  titleId: string;
  title: ReactNode;
  lead: ReactNode;
  /** The area's main action beside the heading (a link or a button). */
  action?: ReactNode;
};

/** An area of the Hiring page: a card headed by a title, a lead line and the area's main action. */
export function AreaCard({ titleId, title, lead, action, children, ...rest }: AreaCardProps) {
  return (
    <Card aria-labelledby={titleId} {...rest}>
      <div className="oq-header">
        <div>
          <h2 id={titleId} className="card__title">
            {title}
          </h2>
          <p className="muted">{lead}</p>
        </div>
        {action}
      </div>
      {children}
    </Card>
  );
}
