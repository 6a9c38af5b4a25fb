import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppealRepository } from './appeal.repository';
import { AttachmentRepository } from './attachment.repository';
import { AuditRepository } from './audit.repository';
import { CaseQueryRepository } from './case-query.repository';
import { CaseRepository } from './case.repository';
import { CategoryRepository } from './category.repository';
import { DashboardRepository } from './dashboard.repository';
import { CommunityItemScoreRepository } from './community-item-score.repository';
import { DemandRepository } from './demand.repository';
import { HolidayScheduleRepository } from './holiday-schedule.repository';
import { HotspotRepository } from './hotspot.repository';
import { JobLeaseRepository } from './job-lease.repository';
import { TopicRepository } from './topic.repository';
import { IntakeRepository } from './intake.repository';
import { KnowledgeRepository } from './knowledge.repository';
import { Open311Repository } from './open311.repository';
import { PublicRequestRepository } from './public-request.repository';
import { CaseArchiveRepository } from './case-archive.repository';
import { PublicRankingRepository } from './public-ranking.repository';
import { ReturnVisitRepository } from './return-visit.repository';
import { ScoreFactRepository } from './score-fact.repository';
import { ScorePublicationRepository } from './score-publication.repository';
import { SettingsRepository } from './settings.repository';
import { NotificationRepository } from './notification.repository';
import { UnitRepository } from './unit.repository';
import { UserRepository } from './user.repository';
import { BuildingLeadRepository } from './building-lead.repository';
import { MeetingRepository } from './meeting.repository';
import { ProposalRepository } from './proposal.repository';
import { PatrolRepository } from './patrol.repository';
import { PolicyNoticeRepository } from './policy-notice.repository';
import { ProactiveMeasureRepository } from './proactive-measure.repository';
import { ProactiveWarningRepository } from './proactive-warning.repository';
import { ProactiveZoneRepository } from './proactive-zone.repository';
import { WorkItemRepository } from './work-item.repository';
import { CaseRepeatRepository } from './case-repeat.repository';
import { PartitionRepository } from './partition.repository';

export { type Tx, updateIfVersion } from './tx';

export function createRepositories(db: Kysely<Database>) {
  return {
    units: new UnitRepository(db),
    users: new UserRepository(db),
    categories: new CategoryRepository(db),
    holidaySchedules: new HolidayScheduleRepository(db),
    audit: new AuditRepository(db),
    attachments: new AttachmentRepository(db),
    cases: new CaseRepository(db),
    notifications: new NotificationRepository(db),
    caseQueries: new CaseQueryRepository(db),
    dashboard: new DashboardRepository(db),
    returnVisits: new ReturnVisitRepository(db),
    scoreFacts: new ScoreFactRepository(db),
    scorePublications: new ScorePublicationRepository(db),
    communityItemScores: new CommunityItemScoreRepository(db),
    settings: new SettingsRepository(db),
    appeals: new AppealRepository(db),
    open311: new Open311Repository(db),
    publicRequests: new PublicRequestRepository(db),
    intake: new IntakeRepository(db),
    knowledge: new KnowledgeRepository(db),
    publicRankings: new PublicRankingRepository(db),
    meetings: new MeetingRepository(db),
    proposals: new ProposalRepository(db),
    buildingLeads: new BuildingLeadRepository(db),
    hotspots: new HotspotRepository(db),
    jobLeases: new JobLeaseRepository(db),
    topics: new TopicRepository(db),
    proactiveZones: new ProactiveZoneRepository(db),
    patrols: new PatrolRepository(db),
    proactiveWarnings: new ProactiveWarningRepository(db),
    proactiveMeasures: new ProactiveMeasureRepository(db),
    policyNotices: new PolicyNoticeRepository(db),
    workItems: new WorkItemRepository(db),
    demand: new DemandRepository(db),
    caseRepeats: new CaseRepeatRepository(db),
    partitions: new PartitionRepository(db),
    caseArchive: new CaseArchiveRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
