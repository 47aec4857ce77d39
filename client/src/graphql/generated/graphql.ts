/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether a planned visit took place. */
export type Attendance =
  | 'ATTENDED'
  | 'CANCELLED'
  | 'NO_SHOW';

/** Which way is improvement. */
export type MeasureDirection =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER';

/** What a measure quantifies. */
export type MeasureKind =
  | 'FLEXIBILITY'
  | 'PAIN'
  | 'QUESTIONNAIRE'
  | 'RANGE_OF_MOTION'
  | 'STRENGTH';

/** When in the course of care a value was taken: before or after a session, or between sessions. */
export type ObservationContext =
  | 'BETWEEN_SESSIONS'
  | 'POST_SESSION'
  | 'PRE_SESSION';

/** ADMIN runs a clinic, THERAPIST treats its clients, CLIENT sees their own care, RESEARCHER sees aggregates only. */
export type Role =
  | 'ADMIN'
  | 'CLIENT'
  | 'RESEARCHER'
  | 'THERAPIST';

/** Where a treatment series stands. */
export type SeriesStatus =
  | 'ACTIVE'
  | 'COMPLETED'
  | 'DISCONTINUED';

/** Administrative sex (FHIR AdministrativeGender). */
export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'OTHER'
  | 'UNKNOWN';

/** Left or right side of the body. */
export type Side =
  | 'LEFT'
  | 'RIGHT';

export type ClientListQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ClientListQuery = { clients: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { id: string, displayName: string, dateOfBirth: string, series: Array<{ id: string, status: SeriesStatus }> } }> } };

export type ClientSeriesQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientSeriesQuery = { client: { id: string, displayName: string, dateOfBirth: string, sex: Sex, series: Array<{ id: string, conditionCode: string, status: SeriesStatus, startDate: string, endDate: string | null, plannedSessions: number, condition: { name: string } }> } };

export type SeriesMeasureChartQueryVariables = Exact<{
  seriesId: string | number;
  measureCode: string;
}>;


export type SeriesMeasureChartQuery = { series: { id: string, status: SeriesStatus, startDate: string, condition: { name: string }, sessions: Array<{ id: string, startedAt: string, attendance: Attendance }>, observations: Array<{ id: string, sessionId: string | null, context: ObservationContext, regionCode: string | null, side: Side | null, value: number, takenAt: string }> }, measures: Array<{ code: string, name: string, kind: MeasureKind, unit: string, unitLabel: string, min: number, max: number, decimals: number, direction: MeasureDirection, mcid: number | null }>, bodyRegions: Array<{ code: string, name: string }> };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { signIn: { role: Role, expiresAt: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { therapist: { id: string, givenName: string, familyName: string } | null, clinic: { id: string, name: string, timeZone: string } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ClientListDocument = new TypedDocumentString(`
    query ClientList($search: String, $first: Int!, $after: String) {
  clients(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        id
        displayName
        dateOfBirth
        series {
          id
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClientListQuery, ClientListQueryVariables>;
export const ClientSeriesDocument = new TypedDocumentString(`
    query ClientSeries($id: ID!) {
  client(id: $id) {
    id
    displayName
    dateOfBirth
    sex
    series {
      id
      conditionCode
      status
      startDate
      endDate
      plannedSessions
      condition {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ClientSeriesQuery, ClientSeriesQueryVariables>;
export const SeriesMeasureChartDocument = new TypedDocumentString(`
    query SeriesMeasureChart($seriesId: ID!, $measureCode: String!) {
  series(id: $seriesId) {
    id
    status
    startDate
    condition {
      name
    }
    sessions {
      id
      startedAt
      attendance
    }
    observations(measureCode: $measureCode) {
      id
      sessionId
      context
      regionCode
      side
      value
      takenAt
    }
  }
  measures {
    code
    name
    kind
    unit
    unitLabel
    min
    max
    decimals
    direction
    mcid
  }
  bodyRegions {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<SeriesMeasureChartQuery, SeriesMeasureChartQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    role
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    therapist {
      id
      givenName
      familyName
    }
    clinic {
      id
      name
      timeZone
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;