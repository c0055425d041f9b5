// Relay-style connection types, built once per node type: `<Name>Connection` and `<Name>Edge`.
import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../schema/page-info';

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

/** What a resolver returns for a connection field. `totalCount` is computed only when selected. */
export interface ConnectionValue<T> {
  readonly edges: ReadonlyArray<Edge<T>>;
  readonly nodes: ReadonlyArray<T>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

// type-graphql wants a class constructor; the node type may be an object or an interface class.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NodeType = abstract new (...args: any[]) => object;

export function connectionType(nodeType: () => NodeType, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One item of a list of ${plural}, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(nodeType, { description: 'The item.' })
    node!: object;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${plural}.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges!: EdgeType[];

    @Field(() => [nodeType()], { description: 'The items of this page, without cursors.' })
    nodes!: object[];

    @Field(() => PageInfo, { description: 'Cursors and whether more items follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${plural} match, across all pages.` })
    totalCount!: number;
  }

  return ConnectionType;
}
