import { gql, type TypedDocumentNode } from '@apollo/client';

export interface LoginData {
  login: { token: string; expiresAt: string; user: { username: string; role: string } };
}

export const LOGIN_MUTATION: TypedDocumentNode<LoginData, { username: string; password: string }> =
  gql`
    mutation Login($username: String!, $password: String!) {
      login(username: $username, password: $password) {
        token
        expiresAt
        user {
          username
          role
        }
      }
    }
  `;

export interface MeData {
  me: { username: string; role: string; scope: { name: string } };
}

export const ME_QUERY: TypedDocumentNode<MeData, Record<string, never>> = gql`
  query Me {
    me {
      username
      role
      scope {
        name
      }
    }
  }
`;
