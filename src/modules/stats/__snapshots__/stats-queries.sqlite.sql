-- activities.partners
select count("measured") as "v0" from (select distinct "element"."value" as "measured" from "activities" inner join json_each("activities"."partners") as "element" on true where "activities"."partners" <> '[]' and "activities"."org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and "activities"."status" = ? and ("activities"."start_date" >= ? and "activities"."start_date" <= ?)) as "distinct_values"
-- parameters: ["org-root","verified","2024-01-01","2024-12-31"]

-- activities.count type=type-lecture, activities.count type=type-exhibition, activities.count, activities.participants, activities.quantity
select "activity_daily_totals"."key" as "k0", sum("activity_daily_totals"."activities") as "v0", sum("activity_daily_totals"."participants") as "v1", sum("activity_daily_totals"."quantity") as "v2" from "activity_daily_totals" where "activity_daily_totals"."org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and "activity_daily_totals"."dimension" = ? and ("activity_daily_totals"."start_date" >= ? and "activity_daily_totals"."start_date" <= ?) group by 1
-- parameters: ["org-root","type","2024-01-01","2024-12-31"]

-- activities.participants campaign=campaign-science-day type=type-lecture|type-exhibition
select "activities"."campaign_id" as "k0", "activities"."type_id" as "k1", sum("activities"."participants") as "v0" from "activities" where "activities"."org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and "activities"."status" = ? and ("activities"."start_date" >= ? and "activities"."start_date" <= ?) and "activities"."campaign_id" in (?) and "activities"."type_id" in (?, ?) group by 1, 2
-- parameters: ["org-root","verified","2024-01-01","2024-12-31","campaign-science-day","type-lecture","type-exhibition"]

-- activities.partners campaign=campaign-science-day|campaign-science-week
select count("measured") as "v0" from (select distinct "element"."value" as "measured" from "activities" inner join json_each("activities"."partners") as "element" on true where "activities"."partners" <> '[]' and "activities"."org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and "activities"."status" = ? and ("activities"."start_date" >= ? and "activities"."start_date" <= ?) and "activities"."campaign_id" in (?, ?)) as "distinct_values"
-- parameters: ["org-root","verified","2024-01-01","2024-12-31","campaign-science-day","campaign-science-week"]

-- activities.count county=org-fangcheng month=2024-05
select case when "activity_daily_totals"."org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) then ? end as "k0", substr("activity_daily_totals"."start_date", 1, 7) as "k1", sum("activity_daily_totals"."activities") as "v0" from "activity_daily_totals" where "activity_daily_totals"."org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and "activity_daily_totals"."dimension" = ? and ("activity_daily_totals"."start_date" >= ? and "activity_daily_totals"."start_date" <= ?) and "activity_daily_totals"."org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and substr("activity_daily_totals"."start_date", 1, 7) in (?, ?) group by 1, 2
-- parameters: ["org-fangcheng","org-fangcheng","org-root","*","2024-01-01","2024-12-31","org-fangcheng","2024-05","2023-05"]

-- venues.museums.open
select count(case when ("venues"."kind" = ? and "venues"."status" = ?) then 1 end) as "v0" from "venues" where "venues"."owner_org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and "venues"."opened_on" <= ?
-- parameters: ["museum","open","org-root","2024-12-31"]

-- venues.visits venue=venue-city-museum, venues.groups
select "venues"."id" as "k0", sum("venue_visits"."individual_visitors" + "venue_visits"."group_visitors") as "v0", sum("venue_visits"."groups") as "v1" from "venue_visits" inner join "venues" on "venues"."id" = "venue_visits"."venue_id" where "venues"."owner_org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and ("venue_visits"."visit_date" >= ? and "venue_visits"."visit_date" <= ?) group by 1
-- parameters: ["org-root","2024-01-01","2024-12-31"]

-- caravans.vehicles
select count(case when "caravans"."status" = ? then 1 end) as "v0" from "caravans" where "caravans"."owner_org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?)
-- parameters: ["active","org-root"]

-- caravans.schools
select count(distinct case when "caravan_trips"."destination_kind" = ? then "caravan_trips"."destination_key" end) as "v0" from "caravan_trips" inner join "caravans" on "caravans"."id" = "caravan_trips"."caravan_id" where "caravans"."owner_org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and ("caravan_trips"."trip_date" >= ? and "caravan_trips"."trip_date" <= ?)
-- parameters: ["school","org-root","2024-01-01","2024-12-31"]

-- orgs.new.society
select count(case when "orgs"."type" = ? then 1 end) as "v0" from "orgs" where "orgs"."id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and ("orgs"."founded_on" >= ? and "orgs"."founded_on" <= ?)
-- parameters: ["society","org-root","2024-01-01","2024-12-31"]

-- orgs.total
select count(case when "orgs"."status" = ? then 1 end) as "v0" from "orgs" where "orgs"."id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = ?) and ("orgs"."founded_on" is null or "orgs"."founded_on" <= ?)
-- parameters: ["active","org-root","2024-12-31"]
