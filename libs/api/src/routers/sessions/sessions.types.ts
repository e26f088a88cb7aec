export {
  ZLiveSessionsQuery as ZLiveSessionsRequest,
  ZLiveSessionPage as ZLiveSessionsResponse,
  ZSessionListQuery as ZListSessionsRequest,
  ZSessionPage as ZListSessionsResponse,
  ZSessionGetQuery as ZGetSessionRequest,
  ZSessionDetail as ZGetSessionResponse,
} from '@trailmark/sessions';
