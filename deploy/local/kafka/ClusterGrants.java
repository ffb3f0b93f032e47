// Creates each agency's topics and grants its ACLs on the local secured cluster, with the Admin API of
// the broker's own kafka-clients jar (run as a single-file source program: `java -cp <libs>/* ClusterGrants.java
// <admin.properties> <agency,agency,...>`). The grants are the ones docs/operations.md gives an operator.
import java.io.FileInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

public class ClusterGrants {
  // As libs/exchange/src/topics.ts and the gateway's consumer group name them.
  static String topicPart(String agency) { return agency.toLowerCase().replace('.', '-'); }
  static String inbox(String agency) { return "xb.v1.inbox." + topicPart(agency); }
  static String deadLetters(String agency) { return "xb.v1.dlq." + topicPart(agency); }
  static String group(String agency) { return "xb-gateway-" + agency.toLowerCase(); }

  static AclBinding allow(String agency, ResourceType type, String name, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry("User:" + agency, "*", operation, AclPermissionType.ALLOW));
  }

  /** READ its inbox, its dead letters and its group; WRITE its dead letters and its counterparts' inboxes. */
  static List<AclBinding> grantsOf(String agency, List<String> all) {
    List<AclBinding> acls = new ArrayList<>();
    acls.add(allow(agency, ResourceType.TOPIC, inbox(agency), AclOperation.READ));
    acls.add(allow(agency, ResourceType.TOPIC, deadLetters(agency), AclOperation.READ));
    acls.add(allow(agency, ResourceType.TOPIC, deadLetters(agency), AclOperation.WRITE));
    acls.add(allow(agency, ResourceType.GROUP, group(agency), AclOperation.READ));
    for (String counterpart : all)
      if (!counterpart.equals(agency))
        acls.add(allow(agency, ResourceType.TOPIC, inbox(counterpart), AclOperation.WRITE));
    return acls;
  }

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    try (FileInputStream in = new FileInputStream(args[0])) { props.load(in); }
    List<String> agencies = List.of(args[1].split(","));
    try (Admin admin = Admin.create(props)) {
      List<NewTopic> topics = new ArrayList<>();
      Map<String, String> configs = Map.of("min.insync.replicas", "2");
      for (String agency : agencies)
        for (String topic : List.of(inbox(agency), deadLetters(agency)))
          topics.add(new NewTopic(topic, 3, (short) 3).configs(configs));
      for (var result : admin.createTopics(topics).values().entrySet()) {
        try {
          result.getValue().get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) throw e;
        }
      }
      List<AclBinding> acls = new ArrayList<>();
      for (String agency : agencies) acls.addAll(grantsOf(agency, agencies));
      admin.createAcls(acls).all().get();
      System.out.println("topics " + topics.size() + ", ACLs " + acls.size() + " for " + Set.copyOf(agencies));
    }
  }
}
