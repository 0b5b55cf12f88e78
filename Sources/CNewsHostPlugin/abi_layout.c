/* Compile-time checks that the ABI header keeps the layout it promises on
 * this platform. Built with every host build, so an accidental reordering
 * or a field inserted in the middle of a struct fails the build. */
#include "newshost/plugin.h"

#define NH_ASSERT(cond, name) typedef char nh_layout_##name[(cond) ? 1 : -1]

NH_ASSERT(offsetof(nh_plugin_descriptor, struct_size) == 0, descriptor_size_first);
NH_ASSERT(offsetof(nh_host_api, struct_size) == 0, host_api_size_first);
NH_ASSERT(offsetof(nh_article, struct_size) == 0, article_size_first);
NH_ASSERT(offsetof(nh_config, struct_size) == 0, config_size_first);
NH_ASSERT(offsetof(nh_hook, struct_size) == 0, hook_size_first);
NH_ASSERT(offsetof(nh_option_spec, struct_size) == 0, option_size_first);
NH_ASSERT(sizeof(nh_str) == 2 * sizeof(void *), str_two_words);
NH_ASSERT(sizeof(nh_str_list) == 2 * sizeof(void *), str_list_two_words);
NH_ASSERT(offsetof(nh_article, id) == 8, article_id_offset);
NH_ASSERT(offsetof(nh_plugin_descriptor, id) == 8, descriptor_id_offset);
