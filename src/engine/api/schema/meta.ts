// meta/v1 types every object uses: ObjectMeta, OwnerReference, LabelSelector.
// Field names and Go types follow k8s.io/apimachinery pkg/apis/meta/v1/types.go;
// the descriptions are our own.
import { F, struct, T, text } from './types.ts'

export const OwnerReference = struct('OwnerReference', {
  apiVersion: F.str('API version of the owner.', '소유자 객체의 API 버전.', { required: true }),
  kind: F.str('Kind of the owner, such as Job or CronJob.', '소유자 객체의 종류(Job, CronJob 등).', { required: true }),
  name: F.str('Name of the owner.', '소유자 객체의 이름.', { required: true }),
  uid: F.str('UID of the owner: a reference survives only while that exact object exists.', '소유자 객체의 UID. 이름이 같아도 UID가 다르면 다른 객체로 봅니다.', { required: true, go: 'types.UID' }),
  controller: F.bool('True on the one owner that manages this object (the controller reference).', '이 객체를 관리하는 단 하나의 소유자(컨트롤러)일 때 true.', { pointer: true }),
  blockOwnerDeletion: F.bool('If true, a foreground deletion of the owner waits until this object is gone.', 'true이면 소유자를 foreground 방식으로 지울 때 이 객체가 먼저 지워질 때까지 기다립니다.', { pointer: true }),
}, text('A reference from an object to the object that owns it; the garbage collector deletes dependents whose owners are gone.', '객체가 자신을 소유한 객체를 가리키는 참조. 소유자가 사라지면 가비지 컬렉터가 딸린 객체를 지웁니다.'))

export const LabelSelectorRequirement = struct('LabelSelectorRequirement', {
  key: F.str('The label key the requirement is about.', '조건이 적용되는 레이블 키.', { required: true }),
  operator: F.str('How the key relates to the values: In, NotIn, Exists or DoesNotExist.', '키와 값의 관계: In, NotIn, Exists, DoesNotExist 중 하나.', { required: true, go: 'v1.LabelSelectorOperator' }),
  values: F.strList('Values for In and NotIn; must be empty for Exists and DoesNotExist.', 'In, NotIn에서 쓰는 값 목록. Exists, DoesNotExist에서는 비워 둡니다.'),
}, text('One condition of a label selector.', '레이블 셀렉터의 조건 하나.'))

export const LabelSelector = struct('LabelSelector', {
  matchLabels: F.strMap('Labels an object must carry, each with exactly this value.', '객체가 정확히 이 값으로 가지고 있어야 하는 레이블.'),
  matchExpressions: F.list(LabelSelectorRequirement, 'More expressive conditions; all of them must hold together with matchLabels.', '더 다양한 조건 목록. matchLabels와 함께 모두 만족해야 합니다.'),
}, text('Selects objects by their labels. An empty selector matches everything; a missing one matches nothing.', '레이블로 객체를 고르는 셀렉터. 비어 있으면 모두, 없으면 아무것도 고르지 않습니다.'))

export const ObjectMeta = struct('ObjectMeta', {
  name: F.str('The object name, unique among objects of its kind in the namespace. It cannot be changed later.', '네임스페이스 안에서 같은 종류끼리 겹치지 않는 객체 이름. 나중에 바꿀 수 없습니다.'),
  generateName: F.str('A prefix the server completes with 5 random characters when name is empty.', 'name이 비어 있을 때 서버가 뒤에 임의의 5글자를 붙여 이름을 만드는 접두사.'),
  namespace: F.str('The namespace the object lives in; empty for cluster-wide kinds such as Node.', '객체가 속한 네임스페이스. Node처럼 클러스터 범위 종류는 비워 둡니다.'),
  selfLink: F.str('Deprecated and always empty.', '더 이상 쓰지 않으며 항상 비어 있습니다.'),
  uid: F.str('A unique ID the server assigns at creation; read-only.', '생성할 때 서버가 붙이는 고유 ID. 읽기 전용입니다.', { go: 'types.UID' }),
  resourceVersion: F.str('An opaque version the server changes on every write; used for optimistic concurrency and watches.', '쓸 때마다 서버가 바꾸는 버전 값. 동시 수정 충돌 검사와 watch에 쓰입니다.'),
  generation: F.int64('A counter the server increases each time the desired state (spec) changes.', '원하는 상태(spec)가 바뀔 때마다 서버가 올리는 번호.'),
  creationTimestamp: F.time('When the server created the object (UTC, RFC 3339); read-only.', '서버가 객체를 만든 시각(UTC, RFC 3339). 읽기 전용입니다.'),
  deletionTimestamp: F.time('Set when deletion was requested; the object goes away once its finalizers are done.', '삭제를 요청한 시점에 설정됩니다. finalizer가 모두 끝나면 객체가 사라집니다.', { pointer: true }),
  deletionGracePeriodSeconds: F.int64('Seconds the object is given to terminate gracefully after deletion was requested.', '삭제 요청 뒤 정상 종료에 주어지는 초 단위 시간.', { pointer: true }),
  labels: F.strMap('Key/value pairs used to organise and select objects (by selectors, -l, controllers).', '객체를 분류하고 셀렉터(-l, 컨트롤러)로 고를 때 쓰는 키/값 쌍.'),
  annotations: F.strMap('Key/value pairs for tools and people; not used for selection.', '도구와 사람을 위한 부가 정보 키/값 쌍. 선택에는 쓰이지 않습니다.'),
  ownerReferences: F.list(OwnerReference, 'The objects this one depends on; when all owners are gone it is garbage-collected.', '이 객체가 딸려 있는 소유자 목록. 소유자가 모두 사라지면 가비지 컬렉션됩니다.'),
  finalizers: F.strList('Tasks that must finish before the object is removed from storage.', '객체가 저장소에서 지워지기 전에 끝나야 하는 작업 목록.'),
  managedFields: F.list(T.open('v1.ManagedFieldsEntry'), 'Which client last set which fields (server-side apply bookkeeping).', '어떤 클라이언트가 어느 필드를 설정했는지 기록(server-side apply용).'),
}, text('Standard object metadata: name, namespace, labels, annotations and the fields the server maintains.', '표준 객체 메타데이터: 이름, 네임스페이스, 레이블, 어노테이션과 서버가 관리하는 필드.'))

export const metadataField = F.obj(ObjectMeta, 'Standard object metadata: name, namespace, labels and annotations.', '표준 객체 메타데이터: 이름, 네임스페이스, 레이블, 어노테이션.', { omitEmpty: false })
export const apiVersionField = F.str('The versioned schema of this object, e.g. batch/v1.', '이 객체 스키마의 그룹과 버전(예: batch/v1).')
export const kindField = F.str('The kind of object, in CamelCase, e.g. Job.', '객체의 종류(예: Job).')
