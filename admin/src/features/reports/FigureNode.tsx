import { Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { Tooltip } from 'antd';
import { useContext } from 'react';
import { useT } from '../../app/i18n.tsx';
import type { ReviewFigure } from './api.ts';
import { FigureDetails, IndicatorsContext } from './FigureDetails.tsx';
import { reviewMessages } from './messages.ts';
import { figureNodeName } from './review-tiptap.ts';

function FigureView({ node }: ReactNodeViewProps) {
  const t = useT(reviewMessages);
  const figure = node.attrs.figure as ReviewFigure;
  const indicator = useContext(IndicatorsContext).get(figure.code);
  return (
    <NodeViewWrapper as="span" className="review-figure-wrapper">
      <Tooltip title={<FigureDetails figure={figure} indicator={indicator} />} color="#fff" styles={{ body: { color: 'rgba(0,0,0,0.88)', width: 340 } }}>
        <span className="review-figure" data-code={figure.code} aria-label={t('figureLabel', { text: figure.text, indicator: indicator?.label ?? figure.code })}>
          {figure.text}
        </span>
      </Tooltip>
    </NodeViewWrapper>
  );
}

/**
 * A figure in the text: an inline atom that reads as its formatted number and
 * carries the whole figure. It can be moved or deleted, never typed into, so
 * the number stays the one the server computed. In HTML (copy and paste) the
 * figure travels as JSON in `data-review-figure`.
 */
export const FigureNode = Node.create({
  name: figureNodeName,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { figure: { default: null, rendered: false } };
  },
  parseHTML() {
    return [
      {
        tag: 'span[data-review-figure]',
        getAttrs: (element: HTMLElement) => {
          try {
            return { figure: JSON.parse(element.getAttribute('data-review-figure') ?? '') as ReviewFigure };
          } catch {
            return false;
          }
        },
      },
    ];
  },
  renderHTML({ node }) {
    const figure = node.attrs.figure as ReviewFigure | null;
    return ['span', { 'data-review-figure': JSON.stringify(figure), class: 'review-figure' }, figure?.text ?? ''];
  },
  renderText({ node }) {
    return (node.attrs.figure as ReviewFigure | null)?.text ?? '';
  },
  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },
});
